import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import {
  GraphQLError,
  Lexer,
  NoSchemaIntrospectionCustomRule,
  Source,
  TokenKind,
  type ExecutionArgs,
  type ExecutionResult,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.ts';
import { operationCost } from './query-cost.ts';

/**
 * Refuses operations that would cost the server more than one request should: too deep, too
 * many aliases, tokens or directives (graphql-armor), or too costly (query-cost.ts). A refusal is
 * a `400` whose error says which limit (`extensions.code`), the measured value and the limit.
 * Every executed operation reports its cost in `extensions.cost`.
 */
export function limitError(code: string, message: string, details: Record<string, unknown> = {}, status = 400) {
  return new GraphQLError(message, { extensions: { code, ...details, http: { status, spec: false } } });
}

/** graphql-armor states the measured value only in its message ("…, found 17."). */
const measuredIn = (error: GraphQLError) => Number(/found (\d+)/.exec(error.message)?.[1] ?? Number.NaN);

function reportAs(code: string, what: string, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const measured = measuredIn(error);
    context?.reportError(limitError(code, `The operation has ${measured} ${what}; at most ${limit} are allowed.`, { measured, limit }));
  };
}

function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

export function queryLimits(limits: Limits, options: { introspection: boolean }): Plugin[] {
  const armor = { propagateOnRejection: false, exposeLimits: true };
  const plugins: Plugin[] = [
    tokenLimit(limits.maxTokens),
    maxDepthPlugin({ ...armor, n: limits.maxDepth, onReject: [reportAs('QUERY_TOO_DEEP', 'levels of nesting', limits.maxDepth)] }) as Plugin,
    maxAliasesPlugin({ ...armor, n: limits.maxAliases, onReject: [reportAs('TOO_MANY_ALIASES', 'aliases', limits.maxAliases)] }) as Plugin,
    maxDirectivesPlugin({
      ...armor,
      n: limits.maxDirectives,
      onReject: [reportAs('TOO_MANY_DIRECTIVES', 'directives', limits.maxDirectives)],
    }) as Plugin,
    costLimit(limits.maxCost),
    limitStatus(),
  ];
  if (!options.introspection) {
    plugins.push(
      {
        onValidate({ addValidationRule }) {
          addValidationRule(NoSchemaIntrospectionCustomRule);
        },
      },
      blockFieldSuggestionsPlugin({ mask: '' }) as Plugin,
    );
  }
  return plugins;
}

/**
 * graphql-armor's parser stops at the first token over the limit; the refusal then counts the
 * rest cheaply (lexing only) to report the measured value.
 */
function tokenLimit(maxTokens: number): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return new MaxTokensParserWLexer(source, { ...options, n: maxTokens } as never).parseDocument();
        } catch (error) {
          if (!(error instanceof GraphQLError) || !error.message.includes('Token limit')) throw error;
          const measured = countTokens(typeof source === 'string' ? source : source.body);
          throw limitError('TOO_MANY_TOKENS', `The operation has ${measured} tokens; at most ${maxTokens} are allowed.`, {
            measured,
            limit: maxTokens,
          });
        }
      });
    },
  };
}

/** Codes of the refusals above; yoga would answer some of them with 200 to `application/json` clients. */
const LIMIT_CODES = new Set(['TOO_MANY_TOKENS', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_COSTLY']);

/** Answers a refusal by a limit with its own status (400), whatever the client accepts. */
function limitStatus(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of (single as ExecutionResult).errors ?? []) {
          const http = error.extensions?.http as { spec?: boolean } | undefined;
          if (http && LIMIT_CODES.has(String(error.extensions?.code))) http.spec = false;
        }
      }
    },
  };
}

const costs = new WeakMap<object, number>();

function costLimit(maxCost: number): Plugin {
  const check = (args: ExecutionArgs, stop: (result: ExecutionResult) => void) => {
    const cost = operationCost({
      schema: args.schema,
      document: args.document,
      operationName: args.operationName,
      variables: args.variableValues as Record<string, unknown> | undefined,
    });
    if (cost === null) return;
    if (cost > maxCost) {
      const measured = Number.isFinite(cost) ? cost : null;
      stop({
        errors: [
          limitError(
            'QUERY_TOO_COSTLY',
            `The operation costs ${measured ?? 'too much to count'}; at most ${maxCost} is allowed. Ask for fewer fields or smaller pages.`,
            { measured, limit: maxCost },
          ),
        ],
      });
      return;
    }
    costs.set(args.contextValue as object, cost);
  };
  const withCost = (result: ExecutionResult, context: object): ExecutionResult => {
    const requested = costs.get(context);
    return requested === undefined ? result : { ...result, extensions: { ...result.extensions, cost: { requested, limit: maxCost } } };
  };
  // The subscribers of a group (grouped-subscriptions.ts) receive one result object per event, which
  // is serialized once for all of them; they run one document with the same variables, so one cost.
  const costedEvents = new WeakMap<ExecutionResult, Map<number | undefined, ExecutionResult>>();
  const sharedWithCost = (result: ExecutionResult, context: object): ExecutionResult => {
    let byCost = costedEvents.get(result);
    if (!byCost) costedEvents.set(result, (byCost = new Map()));
    const requested = costs.get(context);
    let costed = byCost.get(requested);
    if (!costed) byCost.set(requested, (costed = withCost(result, context)));
    return costed;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      check(args, setResultAndStopExecution);
      return {
        onExecuteDone({ result, setResult }) {
          if (!isAsyncIterable(result)) setResult(withCost(result, args.contextValue as object));
        },
      };
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      check(args, setResultAndStopExecution as (result: ExecutionResult) => void);
      return {
        onSubscribeResult() {
          return {
            onNext({ result, setResult }) {
              setResult(sharedWithCost(result, args.contextValue as object));
            },
          };
        },
      };
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
