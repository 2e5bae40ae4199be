import * as tl from 'azure-pipelines-task-lib/task';

/** The task's output variables (task.json `outputVariables` declares the same names); every one is set through `output`. */
export type OutputName = 'result' | 'newVersion' | 'modelName' | 'modelVersion' | 'image' | 'digest' | 'report';

export function output(name: OutputName, value: string): void {
  // isOutput: later jobs and stages read it as dependencies.<job>.outputs['<step>.<name>']
  tl.setVariable(name, value, false, true);
}

/** the step fails: `result` says so, and the message becomes the step's error issue */
export function fail(message: string): void {
  output('result', 'failed');
  tl.setResult(tl.TaskResult.Failed, message);
}
