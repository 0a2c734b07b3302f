/** A key number shown formatted, with its raw value kept in data attributes for tests and end-to-end checks. */
import type { ReactNode } from 'react';

/** Props of Figure. */
export interface FigureProps {
  /** Stable name (data-field), e.g. "delivered". */
  field: string;
  /** The engine's raw value; written as JSON into data-value (numbers exactly, null, booleans). */
  value: number | boolean | null;
  children: ReactNode;
  className?: string;
}

/** `<span data-field=… data-value=…>formatted</span>`. */
export function Figure({ field, value, children, className }: FigureProps) {
  return (
    <span className={`figure${className ? ` ${className}` : ''}`} data-field={field} data-value={JSON.stringify(value)}>
      {children}
    </span>
  );
}
