/**
 * Renders the report's view model with handlebars, from templates/report.hbs and its partials.
 * handlebars is imported here only, and only `report` imports this module. Templates use the
 * escaping `{{ }}` form throughout (never `{{{ }}}`), so every string from the file is escaped in
 * text, attributes and SVG alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportView } from './view-model.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export async function renderReport(view: ReportView): Promise<string> {
  const { default: Handlebars } = await import('handlebars');
  const hb = Handlebars.create();
  const partials = path.join(TEMPLATES_DIR, 'partials');
  for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
    hb.registerPartial(file.slice(0, -4), readFileSync(path.join(partials, file), 'utf8'));
  }
  const template = hb.compile(readFileSync(path.join(TEMPLATES_DIR, 'report.hbs'), 'utf8'), {
    knownHelpersOnly: true,
    preventIndent: true,
  });
  return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}
