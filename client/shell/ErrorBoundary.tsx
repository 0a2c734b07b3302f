/** Catches a render error below it and shows a sentence with a Reload button instead of a blank page. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import './shell.css';

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
        <p className="ls-crash__text"><FormattedMessage id="shell.crash.text" /></p>
        <button type="button" className="ls-button ls-button--primary" onClick={this.reload}>
          <FormattedMessage id="shell.crash.reload" />
        </button>
      </div>
    );
  }
}
