import { ValidationError } from '../domain/errors.ts';

/**
 * Errors option of a mutation whose expected failures are field errors:
 * `<Name>Result = <Name>Success { <dataField> } | ValidationError`.
 */
export function validatedResult(name: string, dataField: string) {
  return {
    types: [ValidationError],
    result: { name: `${name}Success` },
    union: { name: `${name}Result` },
    dataField: { name: dataField },
  };
}
