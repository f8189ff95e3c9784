/**
 * Renders the report's view model with handlebars, from templates/report.hbs and its partials,
 * precompiled at build time (tools/build/templates.mjs): only handlebars' runtime is loaded, and
 * only `report` imports this module. Templates use the escaping `{{ }}` form throughout (never
 * `{{{ }}}`), so every string from the file is escaped in text, attributes and SVG alike.
 */
import { main, partials } from './generated/templates.js';
import type { ReportView } from './view-model.js';
import { escapeInvisibleInMarkup } from '../util/text.js';
import { REGISTRY } from '../kinds/registry.js';

interface HandlebarsRuntime {
  create(): HandlebarsRuntime;
  template(spec: object): (context: unknown, options?: object) => string;
  registerPartial(name: string, partial: unknown): void;
}

export async function renderReport(view: ReportView): Promise<string> {
  const runtime = (await import('handlebars/runtime.js')) as unknown as { default: HandlebarsRuntime };
  const hb = runtime.default.create();
  for (const [name, spec] of Object.entries(partials)) hb.registerPartial(name, hb.template(spec));
  // A kind outside the build brings its section's template already compiled.
  for (const kind of REGISTRY.kinds) {
    const section = kind.report;
    if (section?.templateSpec && !Object.hasOwn(partials, section.partial)) hb.registerPartial(section.partial, hb.template(section.templateSpec));
  }
  return escapeInvisibleInMarkup(hb.template(main)(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }));
}
