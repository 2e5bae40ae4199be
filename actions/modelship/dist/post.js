// modelship GitHub Action: the runner starts this file; the step is the ES module post.mjs beside it (scripts/bundle.sh says why).
import('./post.mjs').catch((err) => {
  const message = String((err && err.stack) || err).replace(/\r?\n/g, ' ');
  process.stdout.write(`::error::modelship: cannot load post.mjs: ${message}\n`);
  process.exitCode = 1;
});
