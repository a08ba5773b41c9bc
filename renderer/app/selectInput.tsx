import type { ReactElement } from 'react';

/**
 * The <input> antd's Select types into, carrying a stable data-testid for the e2e tests. The
 * explicit `placeholder` stops rc-select copying its placeholder onto the input, where it would
 * show through the chosen value.
 */
export function selectInput(testId: string): ReactElement {
  return <input data-testid={testId} placeholder={undefined} />;
}
