// Nothing may blank the pane: a render error shows a MessageBar with a way back instead of an empty page.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("绩效自评助手：界面出错", error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" style={{ padding: 12 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>界面出现问题</MessageBarTitle>
            {error.message || "未知错误"}
            。工作簿没有被修改。请点“重试”；如果仍然出现，请关闭并重新打开加载项。
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={this.reset}>重试</Button>
          </MessageBarActions>
        </MessageBar>
      </div>
    );
  }
}
