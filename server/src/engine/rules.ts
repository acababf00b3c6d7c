import type { Rule } from '../rules/context';
import { muslLibc } from '../rules/muslLibc';
import { nativeExtension } from '../rules/nativeExtension';
import { packageManagerSupport } from '../rules/packageManagerSupport';
import { shellForm } from '../rules/shellForm';
import { dependencySupport, runtimeSupport } from '../rules/supportRules';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [
  runtimeSupport,
  dependencySupport,
  packageManagerSupport,
  muslLibc,
  shellForm,
  nativeExtension,
];
