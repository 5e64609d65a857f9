/**
 * Builds the Teams app package, offline: fills the `${{VAR}}` placeholders of appPackage/manifest.json from
 * env/.env.<env> (and env/.env.<env>.user when present), validates the filled manifest against the Teams JSON schema
 * bundled in @microsoft/app-manifest, checks the icons, and zips manifest + icons to appPackage/build/appPackage.<env>.zip.
 *
 *   npm run package                  # env dev
 *   npm run package -- --env local
 *
 * It refuses (exit 1) naming every problem: an unfilled placeholder, a schema error, an icon of the wrong size or colour.
 * The Toolkit's teamsApp/validateManifest + zipAppPackage do the same during `provision`; this is the check that needs
 * no sign-in and no network.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { AppManifestUtils } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';

const ROOT = path.resolve(__dirname, '..');

export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The app package was not built:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PackageError';
  }
}

/** Placeholders that may be filled with an empty value (the Toolkit's name suffix is empty in production). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Parses a Toolkit env file: `NAME=value` lines, `#` comments, optional surrounding quotes. */
export function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const value = line.slice(eq + 1).trim();
    vars.set(line.slice(0, eq).trim(), /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value);
  }
  return vars;
}

/** env/.env.<env>, overlaid by env/.env.<env>.user; TEAMSFX_ENV is the env's name, as in the Toolkit. */
export function readEnv(envDir: string, env: string): Map<string, string> {
  const file = path.join(envDir, `.env.${env}`);
  if (!existsSync(file))
    throw new PackageError([`${file} does not exist: is "${env}" an environment of this project?`]);
  const vars = new Map([['TEAMSFX_ENV', env], ...parseEnvFile(readFileSync(file, 'utf8'))]);
  const user = `${file}.user`;
  if (existsSync(user)) for (const [k, v] of parseEnvFile(readFileSync(user, 'utf8'))) vars.set(k, v);
  return vars;
}

/** Fills every placeholder (JSON-escaped, the text is a JSON document); names each one without a value. */
export function fillPlaceholders(text: string, vars: ReadonlyMap<string, string>, source: string): string {
  const unfilled = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars.get(name);
    if (value === undefined || (value === '' && !MAY_BE_EMPTY.has(name))) {
      unfilled.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unfilled.size > 0)
    throw new PackageError([
      ...[...unfilled].map((name) => `\${{${name}}} has no value: set ${name} in ${source}.`),
      'Provisioning (`teamsapp provision --env <env>`) writes the ids and endpoints; see README "Deployment".',
    ]);
  return filled;
}

type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/**
 * The Teams manifest JSON schema for `manifestVersion`, from the copy @microsoft/app-manifest ships
 * (build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json). Passing it to validateAgainstSchema keeps the
 * validation offline: without a schema argument the library fetches any `$schema` URL it has no copy of.
 */
export function bundledSchema(manifestVersion: string): ManifestSchema {
  const pkg = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(
    pkg,
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  if (!/^\d+\.\d+$/.test(manifestVersion) || !existsSync(file))
    throw new PackageError([
      `No bundled Teams schema for manifestVersion "${manifestVersion}" (looked for ${file}).`,
    ]);
  // The published schemas contain `\a` and `\v` escapes that JSON does not allow (the library cleans them the same way).
  return JSON.parse(
    readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'),
  ) as ManifestSchema;
}

/** Validates a filled manifest against its version's schema; every schema error becomes a problem. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<void> {
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const expected = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  const problems: string[] = [];
  if (manifest.$schema !== expected)
    problems.push(`$schema must be ${expected} (the schema of manifestVersion ${version || '?'}).`);
  const schema = bundledSchema(version);
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as Manifest, schema);
  problems.push(...errors.map((e) => `manifest.json${e.startsWith(' ') ? ' (root)' : ' '}${e}`));
  if (problems.length > 0) throw new PackageError(problems);
}

export interface IconRule {
  name: string;
  size: number;
  /** Outline icons: every visible pixel white, the background transparent. */
  whiteOnTransparent: boolean;
}

export const COLOR_ICON: Omit<IconRule, 'name'> = { size: 192, whiteOnTransparent: false };
export const OUTLINE_ICON: Omit<IconRule, 'name'> = { size: 32, whiteOnTransparent: true };

/** Checks an icon's format, size and (outline) colours; returns the problems found, none when it is fine. */
export function checkIcon(png: Buffer, rule: IconRule): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (error) {
    return [
      `${rule.name} is not a readable PNG (${error instanceof Error ? error.message : String(error)}).`,
    ];
  }
  const problems: string[] = [];
  if (image.width !== rule.size || image.height !== rule.size)
    problems.push(
      `${rule.name} is ${image.width}×${image.height}; it must be ${rule.size}×${rule.size} pixels.`,
    );
  if (rule.whiteOnTransparent) {
    let visible = 0;
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b, a] = [image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]];
      if (a === 0) transparent++;
      else {
        visible++;
        if (r !== 255 || g !== 255 || b !== 255) coloured++;
      }
    }
    if (coloured > 0)
      problems.push(
        `${rule.name} has ${coloured} visible pixels that are not white; an outline icon is white only.`,
      );
    if (transparent === 0)
      problems.push(`${rule.name} has no transparent pixels; its background must be transparent.`);
    if (visible === 0) problems.push(`${rule.name} is fully transparent; it must show the white outline.`);
  }
  return problems;
}

export interface PackageOptions {
  env: string;
  /** Default: the repository's appPackage/ */
  appPackageDir?: string;
  /** Default: the repository's env/ */
  envDir?: string;
  /** Default: <appPackageDir>/build */
  outDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
}

/** Fills, validates, checks and zips; throws PackageError naming every problem found. */
export async function packageApp(options: PackageOptions): Promise<BuiltPackage> {
  const appPackageDir = options.appPackageDir ?? path.join(ROOT, 'appPackage');
  const envDir = options.envDir ?? path.join(ROOT, 'env');
  const outDir = options.outDir ?? path.join(appPackageDir, 'build');
  const vars = readEnv(envDir, options.env);
  const template = readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
  const envFile = path.relative(process.cwd(), path.join(envDir, `.env.${options.env}`));
  const sources = `${envFile} or ${envFile}.user`;
  const manifest = JSON.parse(fillPlaceholders(template, vars, sources)) as Record<string, unknown>;
  await validateManifest(manifest);

  const icons = manifest.icons as { color: string; outline: string };
  const files = [
    { name: icons.color, ...COLOR_ICON },
    { name: icons.outline, ...OUTLINE_ICON },
  ].map((rule) => {
    const file = path.join(appPackageDir, rule.name);
    if (!existsSync(file))
      return { rule, data: null, problems: [`${rule.name} is missing from ${appPackageDir}.`] };
    const data = readFileSync(file);
    return { rule, data, problems: checkIcon(data, rule) };
  });
  const problems = files.flatMap((f) => f.problems);
  if (problems.length > 0) throw new PackageError(problems);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const { rule, data } of files) if (data) zip.addFile(path.basename(rule.name), data);
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${options.env}.zip`);
  zip.writeZip(zipPath);
  writeFileSync(path.join(outDir, `manifest.${options.env}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  return { zipPath, manifest };
}

function parseArgs(argv: readonly string[]): PackageOptions {
  const options: PackageOptions = { env: 'dev' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new PackageError([`${flag} needs a value.`]);
    if (flag === '--env') options.env = value;
    else if (flag === '--env-dir') options.envDir = path.resolve(value);
    else if (flag === '--out-dir') options.outDir = path.resolve(value);
    else
      throw new PackageError([
        `Unknown option ${flag}; use --env <name> [--env-dir <dir>] [--out-dir <dir>].`,
      ]);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(options.env))
    throw new PackageError([`--env "${options.env}" is not an env name.`]);
  return options;
}

if (require.main === module) {
  (async () => {
    const built = await packageApp(parseArgs(process.argv.slice(2)));
    console.log(
      `Wrote ${path.relative(process.cwd(), built.zipPath)} (manifest valid against its schema, icons checked).`,
    );
  })().catch((error: unknown) => {
    console.error(error instanceof PackageError ? error.message : error);
    process.exit(1);
  });
}
