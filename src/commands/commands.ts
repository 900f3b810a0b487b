// Function file of the ribbon (manifest.xml <FunctionFile>, served as commands.html). The only ribbon button,
// 绩效自评, uses a ShowTaskpane action, so there are no ExecuteFunction commands to register yet; Office still
// loads this page and expects Office.onReady to complete.
Office.onReady(() => {
  // Nothing to do.
});
