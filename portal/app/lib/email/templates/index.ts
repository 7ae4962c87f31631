// One template per mail the portal sends (DESIGN.md section 7). Each is a pure function (data) => ({ subject, html, text }).
export * from './layout';
export * from './tickets';
export * from './clients';
export * from './invoices';
export * from './workflows';
export * from './accounts';
