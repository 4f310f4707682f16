/**
 * The WPS packaging (scripts/wps/package.js) and the Linux installer it ships: entries consistent
 * with the folder name (WPS deleted a jsaddons folder whose name did not match, notes §5.2), and
 * publish.xml merged, never overwritten (other add-ins' entries live there, notes §5.1).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { unzipSync } from 'fflate';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packageWps } = require('../../scripts/wps/package') as {
  packageWps(dist: string, o: { name: string; version: string; baseUrl: string }): { folder: string; zip: string; files: string[] };
};

function fakeBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'selfeval-wps-'));
  mkdirSync(join(dist, 'images'));
  for (const f of ['index.html', 'entry.js', 'taskpane.html', 'taskpane.js', 'ribbon.xml', 'manifest.xml', 'images/recompute.svg']) {
    writeFileSync(join(dist, f), `<!-- ${f} -->`);
  }
  return dist;
}

const OTHER = '<jspluginonline name="oa-assist" type="wps" url="http://oa.example/addin/" enable="enable_dev" install="null"/>';

describe('WPS packages', () => {
  it('writes the online entry with the base URL and the offline folder, entry and zip', () => {
    const dist = fakeBuild();
    const out = packageWps(dist, { name: 'selfeval', version: '1.2.3', baseUrl: 'http://intranet.example/tools/selfeval' });
    expect(readFileSync(join(dist, 'publish.xml'), 'utf8')).toContain(
      '<jspluginonline name="selfeval" type="et" url="http://intranet.example/tools/selfeval/" debug="" enable="enable_dev" install="null"/>',
    );
    expect(readFileSync(join(dist, 'jsplugins.xml'), 'utf8')).toContain('url="http://intranet.example/tools/selfeval/"');
    expect(readFileSync(join(dist, 'offline/publish.xml'), 'utf8')).toContain(
      '<jsplugin name="selfeval" type="et" url="selfeval_1.2.3" version="1.2.3" enable="enable_dev" install="null" customDomain=""/>',
    );
    expect(out.files.sort()).toEqual(['entry.js', 'images/recompute.svg', 'index.html', 'manifest.xml', 'ribbon.xml', 'taskpane.html', 'taskpane.js']);
    expect(existsSync(join(out.folder, 'images/recompute.svg'))).toBe(true);
    const zip = unzipSync(new Uint8Array(readFileSync(out.zip)));
    expect(Object.keys(zip).sort()).toEqual(
      [...out.files.map((f) => `selfeval_1.2.3/${f}`), 'install.cmd', 'install.ps1', 'install.sh', 'jsplugins.xml', 'publish.xml'].sort(),
    );
    expect(new TextDecoder().decode(zip['install.sh'])).toContain('VERSION=1.2.3');
    // Windows PowerShell 5.1 needs the BOM to read the script's Chinese as UTF-8.
    expect([...zip['install.ps1'].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('installs on Linux into jsaddons, keeping other add-ins and replacing an older selfeval', () => {
    const dist = fakeBuild();
    const out = packageWps(dist, { name: 'selfeval', version: '1.2.3', baseUrl: 'http://x/' });
    const jsaddons = mkdtempSync(join(tmpdir(), 'jsaddons-'));
    mkdirSync(join(jsaddons, 'selfeval_1.0.0'));
    mkdirSync(join(jsaddons, 'oa-assist_2.0.0'));
    // WPS may write the file on one line; an older online entry of ours must go, the other add-in stay.
    writeFileSync(
      join(jsaddons, 'publish.xml'),
      `<?xml version="1.0" encoding="UTF-8"?><jsplugins>${OTHER}<jspluginonline name="selfeval" type="et" url="http://old/" enable="enable_dev" install="null"/></jsplugins>`,
    );
    const run = () => execFileSync('sh', [join(dist, 'offline/install.sh')], { env: { ...process.env, WPS_JSADDONS: jsaddons }, encoding: 'utf8' });
    expect(run()).toContain('selfeval_1.2.3');
    run(); // twice: still one entry
    const xml = readFileSync(join(jsaddons, 'publish.xml'), 'utf8');
    expect(xml).toContain(OTHER);
    expect(xml.match(/name="selfeval"/g)).toHaveLength(1);
    expect(xml).toContain('<jsplugin name="selfeval" type="et" url="selfeval_1.2.3" version="1.2.3"');
    expect(xml).not.toContain('http://old/');
    expect(existsSync(join(jsaddons, 'selfeval_1.0.0'))).toBe(false);
    expect(existsSync(join(jsaddons, 'oa-assist_2.0.0'))).toBe(true);
    expect(readFileSync(join(jsaddons, 'selfeval_1.2.3/index.html'), 'utf8')).toBe('<!-- index.html -->');
    expect(existsSync(join(out.folder, 'index.html'))).toBe(true);
  });

  it('fills an empty <jsplugins/> list', () => {
    const dist = fakeBuild();
    packageWps(dist, { name: 'selfeval', version: '1.2.3', baseUrl: 'http://x/' });
    const jsaddons = mkdtempSync(join(tmpdir(), 'jsaddons-'));
    writeFileSync(join(jsaddons, 'publish.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins/>\n');
    execFileSync('sh', [join(dist, 'offline/install.sh')], { env: { ...process.env, WPS_JSADDONS: jsaddons } });
    expect(readFileSync(join(jsaddons, 'publish.xml'), 'utf8')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="selfeval" type="et" url="selfeval_1.2.3" version="1.2.3" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n',
    );
    expect(readFileSync(join(jsaddons, 'publish.xml.bak'), 'utf8')).toContain('<jsplugins/>');
  });

  it('creates publish.xml when there is none', () => {
    const dist = fakeBuild();
    packageWps(dist, { name: 'selfeval', version: '1.2.3', baseUrl: 'http://x/' });
    const jsaddons = join(mkdtempSync(join(tmpdir(), 'home-')), 'jsaddons');
    execFileSync('sh', [join(dist, 'offline/install.sh')], { env: { ...process.env, WPS_JSADDONS: jsaddons } });
    expect(readFileSync(join(jsaddons, 'publish.xml'), 'utf8')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="selfeval" type="et" url="selfeval_1.2.3" version="1.2.3" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n',
    );
  });
});
