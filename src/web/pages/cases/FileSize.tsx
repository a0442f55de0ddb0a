import { FormattedNumber } from 'react-intl';

/**
 * A file size in the reader's locale (Intl unit formatting). Small files are counted in bytes:
 * rounding a 300-byte invoice to whole kilobytes is what showed "0 KB".
 */
export function FileSize({ bytes }: { bytes: number }) {
  if (bytes < 1024)
    return <FormattedNumber value={bytes} style="unit" unit="byte" unitDisplay="short" />;
  const kb = bytes / 1024;
  if (kb < 1024)
    return (
      <FormattedNumber
        value={kb}
        style="unit"
        unit="kilobyte"
        unitDisplay="short"
        maximumFractionDigits={kb < 10 ? 1 : 0}
      />
    );
  return (
    <FormattedNumber
      value={kb / 1024}
      style="unit"
      unit="megabyte"
      unitDisplay="short"
      maximumFractionDigits={1}
    />
  );
}
