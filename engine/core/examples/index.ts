export { DEFAULT_EXAMPLE_DIVISION, runExamples, type ExampleReport, type ExampleResult } from './run-examples.js';
