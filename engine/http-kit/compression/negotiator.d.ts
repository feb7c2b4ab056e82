/** The part of `negotiator` (the package `compression` negotiates with) that answerJson and requestLanguage use. */
declare module 'negotiator' {
  import type { IncomingMessage } from 'node:http';
  export default class Negotiator {
    constructor(request: IncomingMessage);
    encoding(available?: string[], preferred?: string[]): string | undefined;
    language(available?: string[]): string | undefined;
  }
}
