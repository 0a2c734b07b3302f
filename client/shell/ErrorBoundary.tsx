/** Catches a render error below it and shows a sentence with a Reload button instead of a blank page. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './shell.css';

/** The sentence shown after a render error. */
export const BOUNDARY_MESSAGE = 'Something went wrong while drawing this board. Your edits are safe on the server; reload the page.';

/** Props of ErrorBoundary; `onReload` defaults to reloading the page. */
export interface ErrorBoundaryProps {
  children?: ReactNode;
  onReload?(): void;
}

interface ErrorBoundaryState {
  failed: boolean;
}

/** The error boundary. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The person sees a sentence; the console keeps the detail for whoever debugs it.
    console.error('Lodestone view crashed', error, info.componentStack);
  }

  private readonly reload = () => {
    if (this.props.onReload) this.props.onReload();
    else window.location.reload();
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="ls-shell ls-crash" role="alert">
        <p className="ls-crash__text">{BOUNDARY_MESSAGE}</p>
        <button type="button" className="ls-button ls-button--primary" onClick={this.reload}>
          Reload
        </button>
      </div>
    );
  }
}
