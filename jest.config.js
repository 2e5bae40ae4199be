// Tests run from TypeScript sources through swc (fast, no type check: `npm run typecheck` does that).
// Child processes the code spawns (the endpoint host, the CLI) run the compiled files in dist/,
// which globalSetup builds first.
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
// ESM-only packages the fake Kubernetes API server loads (schema validation), compiled to CommonJS for jest
const esmPackages = ['kubernetes-models', '@kubernetes-models', 'is-cidr', 'cidr-regex'];
const common = {
  transform: {
    ...transform,
    [`^.+/node_modules/(${esmPackages.join('|')})/.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  // these packages ship ESM with only an `import` export condition: point jest at their files
  moduleNameMapper: {
    '^kubernetes-models/(.*)$': '<rootDir>/node_modules/kubernetes-models/$1.js',
    '^@kubernetes-models/(gateway-api|apimachinery)/(.*)$': '<rootDir>/node_modules/@kubernetes-models/$1/$2.js',
    '^@kubernetes-models/(base|validate)$': '<rootDir>/node_modules/@kubernetes-models/$1/dist/index.js',
    '^@kubernetes-models/validate/runtime/(.*)$': '<rootDir>/node_modules/@kubernetes-models/validate/dist/runtime/$1.js',
  },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  globalSetup: '<rootDir>/test/global-setup.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
