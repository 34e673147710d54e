// Listeners go on before the element's script loads, so the first run is heard too.
const log = document.getElementById('log');
const note = (text) => {
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
  while (log.children.length > 5) log.lastChild.remove();
};
const sim = document.getElementById('spiral');
sim.addEventListener('death-spiral-run', (e) =>
  note(
    `run: DORA level ${e.detail.summary.doraLevel}, ${Math.round(e.detail.summary.meanWipLines)} lines waiting on average`,
  ),
);
sim.addEventListener('death-spiral-change', (e) =>
  note(`change: ${e.detail.id} = ${e.detail.value}`),
);
sim.addEventListener('death-spiral-error', (e) => note(`error: ${e.detail.message}`));
