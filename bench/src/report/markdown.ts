/** `bench/RESULTS.md`: the figures of one run, the targets, and why any was missed. */
import { ANALYSIS_DELAY_MS } from '../../../server/src/lsp/debouncer';
import { TOOL_LABELS } from '../analysis/tools';
import type { CaseTiming } from '../analysis/timing';
import { bytes, count, milliseconds, percent, ratio, spread } from './format';
import type { MemoryReading } from '../scenarios/memory';
import type { BenchResults, TargetResult } from './results';
import { toolTiming } from './targets';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function verdict(target: TargetResult): string {
  if (target.met === undefined) return 'not measured';
  return target.met ? 'met' : '**missed**';
}

function machineSection(results: BenchResults): string[] {
  const { machine } = results;
  return [
    `Run on ${machine.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} in ${Math.round(results.totalSeconds)} s` +
      (results.quick ? ' with `--quick` (fewer runs: not for comparison).' : '.'),
    '',
    ...table(
      ['Machine', ''],
      [
        ['CPU', `${machine.cpuModel}, ${machine.cores} cores`],
        [
          'Memory',
          `${bytes(machine.memoryBytes)} (${bytes(machine.freeMemoryBytes)} free at the start)`,
        ],
        ['Load average at the start', machine.loadAverage.toFixed(2)],
        ['Node', machine.node],
        ['OS', machine.os],
      ],
    ),
    '',
    `Support windows were judged against ${results.analysisDay}.` +
      (results.packaging
        ? ` Bundles and package from \`${results.packaging.command}\` (exit ${String(results.packaging.exitCode)}, ${results.packaging.seconds.toFixed(1)} s).`
        : ' The bundles and the package were used as they were (`--skip-package`).'),
  ];
}

function targetSection(results: BenchResults): string[] {
  const lines = [
    '## Targets',
    '',
    ...table(
      ['Target', 'Result', 'Figures'],
      results.targets.map((target) => [target.description, verdict(target), target.detail]),
    ),
  ];
  const missed = results.targets.filter((target) => target.met === false);
  if (missed.length > 0) {
    lines.push('', '### Why targets were missed', '');
    for (const target of missed) {
      lines.push(`**${target.description}**`, '');
      for (const cause of target.causes) lines.push(`- ${cause}`);
      lines.push('');
    }
  }
  return lines;
}

function caseLabel(timing: CaseTiming): string {
  const { input } = timing;
  const asked = input.unit === 'lines' ? '' : ` (${count(input.size)} ${input.unit})`;
  return `${input.fileName}${asked}`;
}

function analysisSection(results: BenchResults): string[] {
  const { limits } = results;
  const rows = results.analysis.flatMap((timing) =>
    timing.tools.map((tool) => {
      const summary = tool.summary;
      const utils = toolTiming(timing, 'dockerfile-utils')?.summary?.median;
      const versus =
        tool.tool === 'cleanstart' && summary !== undefined && utils !== undefined
          ? ratio(summary.median / utils)
          : '';
      const note = tool.stopped ?? tool.error ?? '';
      return [
        caseLabel(timing),
        count(timing.lines),
        TOOL_LABELS[tool.tool],
        summary ? milliseconds(summary.median) : `–${note ? ` (${note})` : ''}`,
        summary ? milliseconds(summary.min) : '–',
        summary ? milliseconds(summary.max) : '–',
        summary ? `${summary.count}${tool.stopped ? ` (${tool.stopped})` : ''}` : '0',
        summary && timing.lines > 0 ? milliseconds((summary.median * 1000) / timing.lines) : '–',
        versus,
        tool.results === undefined ? '' : count(tool.results),
      ];
    }),
  );
  return [
    '## 1. Analysis time',
    '',
    `Warm: each tool first ran ${limits.warmUpRuns} times (fewer when that took over ${limits.warmUpMs} ms), ` +
      `then each run was timed alone, tools taking turns, at least ${limits.minSamples} runs and until ` +
      `${limits.budgetMs / 1000} s had passed (at most ${limits.maxSamples}). A tool is stopped once it has ` +
      `spent ${limits.capMs / 1000} s on one input. "Results" is findings for us, diagnostics for ` +
      "dockerfile-utils, instructions for dockerfile-ast. The ratio is our median over dockerfile-utils's.",
    '',
    ...table(
      [
        'Input',
        'Lines',
        'Tool',
        'Median ms',
        'Min ms',
        'Max ms',
        'Runs',
        'µs per line',
        '× dockerfile-utils',
        'Results',
      ],
      rows,
    ),
    ...profileSection(results),
  ];
}

function profileSection(results: BenchResults): string[] {
  if (results.profiles.length === 0) return [];
  const lines = ['', '### Profiles', ''];
  lines.push(
    'Where our analysis spends its time on the inputs behind missed targets (V8 CPU profile; ' +
      '"total" includes what a function calls). Only our code and the Dockerfile parser are listed.',
  );
  const explained = new Map(
    results.profiles.flatMap((profile) =>
      profile.diagnoses.map((diagnosis) => [diagnosis.id, diagnosis]),
    ),
  );
  if (explained.size > 0) {
    lines.push('', '#### Causes the profiles show', '');
    for (const diagnosis of explained.values()) {
      lines.push(`- **${diagnosis.title}.** ${diagnosis.explanation}`);
    }
  }
  for (const profile of results.profiles) {
    lines.push('', `**${profile.caseId}** (${profile.runs} runs profiled)`, '');
    lines.push(
      ...table(
        ['Function', 'File', 'Total', 'Self'],
        profile.top.map((line) => [
          `\`${line.functionName}\``,
          line.file,
          percent(line.total),
          percent(line.self),
        ]),
      ),
    );
  }
  return lines;
}

function coldStartSection(results: BenchResults): string[] {
  const [ours, theirs] = results.coldStart;
  const rows = results.coldStart.map((result) => [
    result.server,
    spread(result.initialize),
    spread(result.openToDiagnostics),
    spread(result.firstDiagnostics),
    spread(result.firstAnalysis),
    String(result.runs.length),
    result.diagnostics === undefined ? '–' : String(result.diagnostics),
    result.errors.join(' ') || '',
  ]);
  const mine = ours?.firstDiagnostics?.median;
  const other = theirs?.firstDiagnostics?.median;
  return [
    '## 2. Cold start to first diagnostics',
    '',
    `Spawn \`node <server> --stdio\`, \`initialize\`, \`initialized\`, \`didOpen\` of a 50-line Dockerfile ` +
      `in a one-file workspace, until its first \`publishDiagnostics\`; ${results.coldStartRuns} runs each, ` +
      'the servers taking turns. Median (min–max). The first analysis is the time our server logs for it ' +
      '(the `Analysed … in … ms` debug line).',
    '',
    ...table(
      [
        'Server',
        'Spawn to initialize answer',
        'didOpen to diagnostics',
        'Spawn to first diagnostics',
        'First analysis (server log)',
        'Runs',
        'Diagnostics',
        'Errors',
      ],
      rows,
    ),
    '',
    `Ratio, ours over theirs (first diagnostics): ${ratio(mine !== undefined && other !== undefined ? mine / other : undefined)}.`,
  ];
}

function typingSection(results: BenchResults): string[] {
  const rows = results.typing.map((result) => [
    result.server,
    `${result.changes} in ${milliseconds(result.burstMs)} ms`,
    result.analyses === undefined ? '–' : String(result.analyses),
    String(result.publications),
    result.cpuMs === undefined ? '–' : `${Math.round(result.cpuMs)} ms`,
    result.lastChangeToDiagnosticsMs === undefined
      ? '–'
      : `${milliseconds(result.lastChangeToDiagnosticsMs)} ms${result.versionMatched ? '' : ' (unversioned)'}`,
    result.error ?? '',
  ]);
  return [
    '## 3. Typing',
    '',
    'One character per `didChange` (incremental), 200 of them spread evenly over one second, typed ' +
      "into a new line of an open 50-line Dockerfile. Analyses are counted by our server's " +
      '`cleanstart/analyzed` notification (sent after each analysis when the `analysisNotifications` ' +
      'initialization option is on); publications are the `publishDiagnostics` for the document after the ' +
      'first change. CPU time is user plus system time from /proc/<pid>/stat, from just before the first ' +
      `change until the server had published nothing for a second (resolution ${milliseconds(results.cpuResolutionMs)} ms). ` +
      'The last column runs from sending the last change to the diagnostics of the final text ("unversioned": ' +
      'the server gives no version, so the last publication is taken). Our server waits ' +
      `${ANALYSIS_DELAY_MS} ms after the last change before it analyses (\`ANALYSIS_DELAY_MS\` in ` +
      'server/src/lsp/debouncer.ts), so that much of its figure is by design.',
    '',
    ...table(
      [
        'Server',
        'Changes',
        'Analyses',
        'Publications',
        'CPU time',
        'Last change to diagnostics',
        'Error',
      ],
      rows,
    ),
  ];
}

function memorySection(results: BenchResults): string[] {
  const memory = results.memory;
  if (memory === undefined) return ['## 4. Memory', '', 'Not measured.'];
  const row = (step: string, reading: MemoryReading | undefined) => [
    step,
    bytes(reading?.residentBytes),
    bytes(reading?.heapUsedBytes),
  ];
  const rows = memory.rounds.flatMap((round, index) => [
    row(
      `Round ${index + 1}: ${count(memory.documents)} documents open (diagnostics for all in ${milliseconds(round.openAllMs)} ms)`,
      round.open,
    ),
    row(`Round ${index + 1}: all closed again`, round.closed),
  ]);
  const first = memory.rounds[0]?.closed.heapUsedBytes;
  const last = memory.rounds[memory.rounds.length - 1]?.closed.heapUsedBytes;
  const documentsSeen = (memory.rounds.length - 1) * memory.documents;
  const retained =
    first !== undefined && last !== undefined && documentsSeen > 0
      ? `Heap in use after closing grew by ${bytes(last - first)} from the first round to the last, ` +
        `${Math.round((last - first) / documentsSeen)} bytes for each of the ${count(documentsSeen)} documents opened in between.`
      : '';
  return [
    '## 4. Memory',
    '',
    `Our server with ${count(memory.documents)} documents open at once, a quarter of each kind ` +
      '(50-line Dockerfiles, 20-line requirements files, package.json with 30 dependencies, go.mod ' +
      `with 20 requirements), then all closed; ${memory.rounds.length} rounds, each with new URIs. ` +
      'Each reading follows a full garbage collection, which a preload script given to the server ' +
      'for this test only runs on SIGUSR2: the resident set (VmRSS from /proc/<pid>/status) and the ' +
      'V8 heap in use (`process.memoryUsage().heapUsed`).',
    '',
    ...table(
      ['Step', 'Resident set', 'Heap in use'],
      [
        row('Initialized, no document', memory.idle),
        ...rows,
        ['Peak (VmHWM)', bytes(memory.peakBytes), ''],
      ],
    ),
    ...(retained ? ['', retained] : []),
    ...(memory.error ? ['', `Error: ${memory.error}`] : []),
  ];
}

function packageSection(results: BenchResults): string[] {
  const result = results.extensionPackage;
  if (result === undefined) return ['## 5. Package', '', 'Not measured.'];
  const clientMs = result.clientRequire?.median;
  const serverMs = result.serverInitialize?.median;
  return [
    '## 5. Package',
    '',
    ...table(
      ['Figure', 'Value'],
      [
        [
          '.vsix size',
          result.vsixBytes === undefined
            ? '–'
            : `${count(result.vsixBytes)} bytes (${bytes(result.vsixBytes)}), ${result.entries} files`,
        ],
        [
          'Largest files (compressed)',
          result.largest
            .map((entry) => `${entry.name} ${bytes(entry.compressedBytes)}`)
            .join(', ') || '–',
        ],
        ['dist/client.js', bytes(result.clientBundleBytes)],
        ['dist/server.js', bytes(result.serverBundleBytes)],
        ['Client bundle `require`', spread(result.clientRequire)],
        ['Server fork to `initialize` answer (Node IPC)', spread(result.serverInitialize)],
        [
          'Activation to ready client, estimated',
          clientMs !== undefined && serverMs !== undefined
            ? `${milliseconds(clientMs + serverMs)} ms`
            : '–',
        ],
      ],
    ),
    '',
    'VS Code is not available here, so activation is estimated from the two parts the extension pays for: ' +
      '`require` of dist/client.js in a fresh Node process, with a stand-in for the `vscode` module, and ' +
      'the language server forked with `--node-ipc` (as the client starts it) until it answers `initialize`. ' +
      "The extension host's own work and `activate` itself are not included. Medians (min–max) of " +
      `${result.clientRequire?.count ?? 0} runs.`,
    ...(result.errors.length > 0 ? ['', `Errors: ${result.errors.join(' ')}`] : []),
  ];
}

export function renderResults(results: BenchResults): string {
  const sections = [
    [
      '# Benchmark results',
      '',
      'Written by `npm run bench`; `bench/README.md` says what each figure means.',
    ],
    machineSection(results),
    targetSection(results),
    analysisSection(results),
    coldStartSection(results),
    typingSection(results),
    memorySection(results),
    packageSection(results),
  ];
  if (results.failures.length > 0) {
    sections.push(['## Failures', '', ...results.failures.map((failure) => `- ${failure}`)]);
  }
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}
