/** The pane's views: DOM sections built with dom.ts, each shown from the session's state. */
export * from "./actionsView";
export * from "./announcer";
export * from "./colleagueCopyView";
export * from "./dom";
export * from "./editorRefresh";
export * from "./editor";
export * from "./effectView";
export * from "./noticeView";
export * from "./problemsView";
export * from "./programmeView";
export * from "./sharingView";
export * from "./startView";
export * from "./styles";
export * from "./theme";
