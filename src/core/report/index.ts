/** The 自评报告 cross-check: figures read from the report's text, compared with the tables (report-mismatch). */
export { extractFacts, sentencesOf, type ReportFacts, type ReportFigure, type ReportKey, type ReportBreakdown } from './extract';
export { crossCheckReport, tableFacts, type TableFact } from './compare';
