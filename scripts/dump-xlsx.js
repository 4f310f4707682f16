const ExcelJS = require('exceljs');
(async () => {
  for (const f of process.argv.slice(2)) {
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(f);
    console.log('#####', f);
    wb.eachSheet(ws => {
      console.log('=== sheet', ws.name, ws.state, 'dims', ws.dimensions && ws.dimensions.address, 'merges', JSON.stringify(ws.model.merges));
      ws.eachRow({includeEmpty:false}, (row) => {
        const cells = [];
        row.eachCell({includeEmpty:false}, (c) => {
          let v = c.value; if (v && typeof v === 'object') v = JSON.stringify(v);
          cells.push(`${c.address}=${JSON.stringify(v)}${c.numFmt ? ' ['+c.numFmt+']' : ''}${c.fill && c.fill.fgColor ? ' fill:'+JSON.stringify(c.fill.fgColor):''}`);
        });
        console.log(cells.join(' | '));
      });
    });
  }
})();
