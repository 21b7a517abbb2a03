/** Sharing the scorecard: the copy for colleagues without the add-in. Pure: no Office, no DOM. */
export {
  COPY_MARKER,
  COPY_SHEET,
  buildColleagueCopy,
  type CopyOptions,
  type CopyResult,
  type CopySource,
} from "./copySheet";
