/** Task pane entry point (the editor itself arrives with the task pane issue). */
Office.onReady(() => {
  const status = document.getElementById("status");
  if (status) status.textContent = "The PRM functions are ready: type =PRM.PARTNERSCORE( in a cell.";
});
