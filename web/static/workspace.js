// Enhancements for the workspace's pages; each works without them.
// The attendance sheet: the quorum as it is filled, counted from the rows marked present
// (members or their substitutes), said politely to screen readers.
(() => {
  const live = document.getElementById('quorum-live');
  if (!live) return;
  const update = () => {
    const present = document.querySelectorAll(
      'input[type=radio][value=present]:checked, input[type=radio][value=substitute_present]:checked',
    ).length;
    const enough = present >= Number(live.dataset.needed);
    live.textContent = (enough ? live.dataset.yes : live.dataset.no).replace('{present}', String(present));
    live.hidden = false;
  };
  document.addEventListener('change', (event) => {
    if (event.target.matches('input[type=radio]')) update();
  });
  update();
})();
