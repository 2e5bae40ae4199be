import * as core from '@actions/core';

/** The action's outputs (action.yml declares the same names); every output is set through `output`. */
export type OutputName = 'result' | 'new-version' | 'model-name' | 'model-version' | 'image' | 'digest' | 'report';

export function output(name: OutputName, value: string): void {
  core.setOutput(name, value);
}

/** the step fails: `result` says so, and the message becomes the step's error annotation */
export function fail(message: string): void {
  output('result', 'failed');
  core.setFailed(message);
}
