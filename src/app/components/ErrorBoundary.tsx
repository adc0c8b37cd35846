/**
 * A clear message instead of a blank page when something breaks while drawing the page. The
 * user's data stays in storage; the message says so and offers a reload and a backup.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Text shown above the error (translated by the caller). */
  title: string;
  hint: string;
  reloadLabel: string;
  /** Optional action offered on the error page (e.g. download a backup). */
  extra?: ReactNode;
  /** Changing this key clears the error (e.g. another patient was selected). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { resetKey: props.resetKey, error: null } : null;
  }

  componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Shown on the page; nothing is sent anywhere.
  }

  render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error-page">
        <h2>{this.props.title}</h2>
        <p>{this.props.hint}</p>
        <pre className="error-text">{this.state.error.message}</pre>
        <p>
          <button type="button" onClick={() => location.reload()}>{this.props.reloadLabel}</button>
          {this.props.extra}
        </p>
      </div>
    );
  }
}
