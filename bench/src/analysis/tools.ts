/**
 * What is timed on each input: our analysis, and for Dockerfiles the validator behind the most
 * used Dockerfile language server, and the parser both of them start from.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { analyze } from '../../../server/src/engine/analyze';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/settings';
import { BUNDLED_MATRIX } from '../../../server/src/matrix/load';
import { ANALYSIS_DAY } from '../lsp/servers';

export type ToolName = 'cleanstart' | 'dockerfile-utils' | 'dockerfile-ast';

export const TOOL_LABELS: Readonly<Record<ToolName, string>> = {
  cleanstart: 'CleanStart analyze',
  'dockerfile-utils': 'dockerfile-utils validate',
  'dockerfile-ast': 'dockerfile-ast parse only',
};

/** One run of the tool on the text; returns how many findings or diagnostics it produced. */
export function toolRun(tool: ToolName, fileName: string, text: string): () => number {
  switch (tool) {
    case 'cleanstart':
      return () =>
        analyze({
          fileName,
          text,
          matrix: BUNDLED_MATRIX,
          settings: DEFAULT_SETTINGS,
          today: ANALYSIS_DAY,
        }).findings.length;
    case 'dockerfile-utils':
      return () => validate(text).length;
    case 'dockerfile-ast':
      return () => DockerfileParser.parse(text).getInstructions().length;
  }
}
