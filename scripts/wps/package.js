/**
 * Packages a WPS build (dist-wps/) for deployment, from package.json's name and version:
 *   publish.xml, jsplugins.xml       online registration (base URL: SELFEVAL_WPS_URL)
 *   offline/<name>_<version>/        the add-in folder to copy beside a jsaddons/publish.xml
 *   offline/publish.xml, jsplugins.xml   the offline entries
 *   offline/install.sh|.ps1|.cmd     per-user installers that merge the entry into publish.xml
 *   <name>_<version>.zip             offline/ zipped, for the desks
 * Folder name, name, version and url stay identical: WPS deleted a jsaddons folder whose name did
 * not match (shared/notes/wps-addin.md §5.2).
 */
const fs = require('fs');
const path = require('path');
const { zipSync } = require('fflate');

/** Files of the build that make up the add-in itself (the rest is packaging). */
const NOT_ADDIN = new Set(['publish.xml', 'jsplugins.xml', 'offline']);

function withSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}

function xmlAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function xmlFile(lines) {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<jsplugins>', ...lines.map((l) => `  ${l}`), '</jsplugins>', ''].join('\n');
}

function onlineEntry(name, baseUrl) {
  return `<jspluginonline name="${xmlAttr(name)}" type="et" url="${xmlAttr(withSlash(baseUrl))}" debug="" enable="enable_dev" install="null"/>`;
}

function offlineEntry(name, version) {
  const folder = `${name}_${version}`;
  return `<jsplugin name="${xmlAttr(name)}" type="et" url="${xmlAttr(folder)}" version="${xmlAttr(version)}" enable="enable_dev" install="null" customDomain=""/>`;
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

function fromTemplate(file, vars) {
  const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
  return text.replace(/@NAME@/g, vars.name).replace(/@VERSION@/g, vars.version);
}

/** Writes the packaging files into dist; returns the paths it wrote. */
function packageWps(dist, { name, version, baseUrl }) {
  const folder = `${name}_${version}`;
  const offline = path.join(dist, 'offline');
  fs.rmSync(offline, { recursive: true, force: true });
  const addin = listFiles(dist).filter((f) => !NOT_ADDIN.has(f.split('/')[0]) && !/\.zip$/.test(f));
  for (const f of addin) {
    const to = path.join(offline, folder, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(dist, f), to);
  }
  const online = onlineEntry(name, baseUrl);
  fs.writeFileSync(path.join(dist, 'publish.xml'), xmlFile([online]));
  fs.writeFileSync(
    path.join(dist, 'jsplugins.xml'),
    xmlFile([
      '<!-- oem.ini [Server] JSPluginsServer=<URL of this file>; [Support] JsApiPlugin=true -->',
      online,
    ]),
  );
  fs.writeFileSync(path.join(offline, 'publish.xml'), xmlFile([offlineEntry(name, version)]));
  fs.writeFileSync(
    path.join(offline, 'jsplugins.xml'),
    xmlFile([
      `<!-- Kingsoft documents the package form with a .7z holding ${folder}/; whether a .zip is accepted is to be checked on a real WPS. -->`,
      `<jsplugin name="${xmlAttr(name)}" type="et" version="${xmlAttr(version)}" url="${xmlAttr(withSlash(baseUrl))}${folder}.zip"/>`,
    ]),
  );
  const vars = { name, version };
  fs.writeFileSync(path.join(offline, 'install.sh'), fromTemplate('install.sh', vars), { mode: 0o755 });
  // Windows PowerShell 5.1 reads a script without a BOM in the ANSI code page (GBK on Chinese Windows).
  fs.writeFileSync(path.join(offline, 'install.ps1'), '\ufeff' + fromTemplate('install.ps1', vars));
  fs.copyFileSync(path.join(__dirname, 'install.cmd'), path.join(offline, 'install.cmd'));

  const entries = {};
  for (const f of listFiles(offline)) {
    const mode = f === 'install.sh' ? 0o755 : 0o644;
    entries[f] = [fs.readFileSync(path.join(offline, f)), { os: 3, attrs: (0o100000 | mode) << 16, mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  const zip = path.join(dist, `${folder}.zip`);
  fs.writeFileSync(zip, zipSync(entries, { level: 9 }));
  return { folder: path.join(offline, folder), zip, files: addin };
}

module.exports = { packageWps, onlineEntry, offlineEntry, xmlFile, withSlash };
