// One runner, three sizes. Nest 12 is ESM-only, so Jest runs in native ESM mode
// (node --experimental-vm-modules) with swc compiling TypeScript and legacy decorators.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

// CommonJS packages in the API's tree that require() ESM-only packages. Node 20.19+ allows that
// natively; Jest's module runtime does not, so Jest compiles these few to CommonJS.
const esmRequiredFromCjs = ['content-disposition'];
const toCommonJs = ['@swc/jest', { module: { type: 'commonjs' } }];

const common = {
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Runtime libs are tested from source, not from their build.
    '^@wgll/(framework|scoring)$': '<rootDir>/libs/$1/src/index.ts',
    '^@wgll/framework/testing$': '<rootDir>/libs/framework/src/testing/synthetic-framework.ts',
  },
  transform: {
    '^.+\\.ts$': swc,
    [`node_modules/(${esmRequiredFromCjs.join('|')})/.+\\.js$`]: toCommonJs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmRequiredFromCjs.join('|')})/)`],
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      // Pure code, but some cases read real workbooks: a limit that a loaded machine cannot trip.
      setupFilesAfterEnv: ['<rootDir>/jest.timeout-60s.js'],
      testMatch: [
        '<rootDir>/apps/api/src/**/*.spec.ts',
        '<rootDir>/apps/web/src/**/*.spec.ts',
        '<rootDir>/libs/*/src/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      // Real database, real app: a generous limit so a loaded two-core CI machine never trips it.
      setupFilesAfterEnv: ['<rootDir>/jest.timeout-60s.js'],
      testMatch: ['<rootDir>/apps/api/test/integration/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'reliability',
      testMatch: ['<rootDir>/apps/api/test/reliability/**/*.rel-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/jest.timeout-120s.js'],
    },
    {
      ...common,
      displayName: 'browser',
      // The built app in Chromium; a journey may set a longer limit of its own.
      setupFilesAfterEnv: ['<rootDir>/jest.timeout-120s.js'],
      testMatch: ['<rootDir>/apps/web-e2e/src/**/*.e2e.ts'],
    },
  ],
};
