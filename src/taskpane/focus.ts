// Focus after something that takes it away (a dialog closing, a button disabled while busy, a view replaced): put
// it on `target`, and again once Fluent's closing motion is over if it fell back to the page body meanwhile.
export function focusSoon(target: () => HTMLElement | null | undefined): void {
  const lost = () => document.activeElement === null || document.activeElement === document.body;
  const put = (force: boolean) => {
    const el = target();
    if (el && (force || lost())) el.focus({ preventScroll: false });
  };
  setTimeout(() => put(true), 0);
  for (const ms of [250, 600]) setTimeout(() => put(false), ms);
}
