// Progress events of an index run, reported to whoever draws them (a bar, log lines, nothing).

export type ProgressEvent = {
  stage: 'read' | 'embed';
  done: number;
  total: number;
};

export type ProgressListener = (event: ProgressEvent) => void;
