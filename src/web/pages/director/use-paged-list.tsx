import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import Button from 'antd/es/button';
import { useErrorMessage } from '../../app/use-error-message';

export interface Page<T, C> {
  items: T[];
  /** Where the next page starts, or null at the end. */
  next: C | null;
}

/**
 * A list read page by page with "load more": the first page on mount (and whenever `key`
 * changes), later pages appended. `fetchPage` must be stable for a given `key`.
 */
export function usePagedList<T, C>(
  key: string | undefined,
  fetchPage: (after?: C) => Promise<Page<T, C>>,
) {
  const errorMessage = useErrorMessage();
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<C | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (after?: C) => {
      setLoading(true);
      try {
        const page = await fetchPage(after);
        setItems((prev) => (after === undefined ? page.items : [...prev, ...page.items]));
        setNext(page.next);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [key],
  );

  useEffect(() => {
    if (key) void load();
  }, [key, load]);

  return {
    items,
    setItems,
    loading,
    error,
    setError,
    reload: () => void load(),
    /** The "load more" button, or nothing at the end of the list. */
    more:
      next === null ? null : (
        <div className="toolbar" style={{ marginTop: 12 }}>
          <Button loading={loading} onClick={() => void load(next)}>
            <FormattedMessage id="director.loadMore" />
          </Button>
        </div>
      ),
  };
}
