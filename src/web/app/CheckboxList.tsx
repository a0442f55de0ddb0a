import type { ReactNode } from 'react';
import Checkbox from 'antd/es/checkbox';

/**
 * A controlled list of checkboxes whose value keeps the options' order. Used instead of antd's
 * Checkbox.Group, which toggles from its own copy of the value (synced from props in an
 * effect): a second click soon after the first could toggle the stale copy and leave the box
 * as it was (seen in CI on the court filing form).
 */
export function CheckboxList({
  options,
  value,
  onChange,
  className,
  labelledBy,
}: {
  options: { value: string; label: ReactNode }[];
  value: string[];
  onChange(value: string[]): void;
  className?: string;
  labelledBy?: string;
}) {
  return (
    <div className={className} role="group" aria-labelledby={labelledBy}>
      {options.map((o) => (
        <Checkbox
          key={o.value}
          value={o.value}
          checked={value.includes(o.value)}
          onChange={(e) =>
            onChange(
              options
                .map((x) => x.value)
                .filter((v) => (v === o.value ? e.target.checked : value.includes(v))),
            )
          }
        >
          {o.label}
        </Checkbox>
      ))}
    </div>
  );
}
