import * as fs from 'node:fs';

/**
 * The real Docker engine and registry that scripts/test-env.sh started (npm test runs it
 * first). Tests that need them fail with a clear message when it has not run.
 */
export interface DockerTestEnv {
  registry: string;
  username: string;
  password: string;
  baseImage: string;
}

export function dockerTestEnv(): DockerTestEnv {
  const file = `${process.env.MODELSHIP_TEST_ENV_DIR ?? '/tmp/modelship-test-env'}/env`;
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: run \`bash scripts/test-env.sh\` (npm test does) to start the Docker engine and the registry`);
  const vars = Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    registry: vars.MODELSHIP_TEST_REGISTRY,
    username: vars.MODELSHIP_TEST_REGISTRY_USERNAME,
    password: vars.MODELSHIP_TEST_REGISTRY_PASSWORD,
    baseImage: vars.MODELSHIP_TEST_BASE_IMAGE,
  };
}
