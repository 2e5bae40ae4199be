import { createRequire as __msCreateRequire } from "node:module"; import { fileURLToPath as __msFileURLToPath } from "node:url"; import { dirname as __msPathDirname } from "node:path"; const require = __msCreateRequire(import.meta.url); const __msFilename = __msFileURLToPath(import.meta.url); const __msDirname = __msPathDirname(__msFilename);
import {
  __esm
} from "./chunk-T3KQOK7T.mjs";

// shared/errors.ts
function formatConfigIssue(issue) {
  const where = `${issue.file}:${issue.line}:${issue.col}`;
  return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where} ${issue.message}`;
}
function errorMessage(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}
function firstLine(text) {
  return (text.split(/\r?\n/)[0] ?? "").trim();
}
var ConfigError, UsageError, StageError;
var init_errors = __esm({
  "shared/errors.ts"() {
    "use strict";
    ConfigError = class extends Error {
      constructor(issues) {
        super(issues.map(formatConfigIssue).join("\n"));
        this.issues = issues;
        this.name = "ConfigError";
      }
      issues;
    };
    UsageError = class extends Error {
      constructor(message) {
        super(message);
        this.name = "UsageError";
      }
    };
    StageError = class extends Error {
      constructor(doing, reason, check) {
        super(`${doing} failed: ${reason}${check ? `
  check: ${check}` : ""}`);
        this.name = "StageError";
      }
    };
  }
});

export {
  formatConfigIssue,
  ConfigError,
  UsageError,
  StageError,
  errorMessage,
  firstLine,
  init_errors
};
