/** An SVG icon from its shapes (kind-icons.ts), sized by the text around it unless told. */
import { createElement } from 'react';
import type { NodeKind } from '../../shared/board/types';
import { KIND_ICONS, type IconShapes } from './kind-icons';
import './look.css';

/** Props of Icon. */
export interface IconProps {
  shapes: IconShapes;
  /** CSS size; 1em (the text's size) by default. */
  size?: number | string;
  className?: string;
  /** A name for screen readers; without it the icon is decoration (aria-hidden). */
  label?: string;
}

/** The icon as an inline <svg>, stroked in the text colour. */
export function Icon({ shapes, size = '1em', className, label }: IconProps) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2}
      strokeLinecap="round" strokeLinejoin="round" className={`ls-icon${className ? ` ${className}` : ''}`}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {shapes.map(([tag, attrs], i) => createElement(tag, { key: i, ...attrs }))}
    </svg>
  );
}

/** The icon of a node kind. */
export function KindIcon({ kind, ...rest }: Omit<IconProps, 'shapes'> & { kind: NodeKind }) {
  return <Icon shapes={KIND_ICONS[kind]} {...rest} />;
}
