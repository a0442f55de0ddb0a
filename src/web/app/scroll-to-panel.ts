/** The ids a panel's heading has on the staff's and on the party's case page. */
const headingIds = (panel: string) => [
  `${panel}-staff-title`,
  `staff-${panel}-title`,
  `party-${panel}-title`,
  `${panel}-title`,
];

/**
 * Brings a panel of the case page into view once it has loaded (the page's panels arrive one
 * by one after the route changes). Gives up quietly after a while: the case page is open anyway.
 */
export function scrollToPanelWhenShown(panel: string, timeoutMs = 15_000): void {
  const find = () =>
    headingIds(panel)
      .map((id) => document.getElementById(id))
      .find((e): e is HTMLElement => e !== null);
  const show = (e: HTMLElement) => e.scrollIntoView({ block: 'start' });
  const now = find();
  if (now) return show(now);
  const observer = new MutationObserver(() => {
    const e = find();
    if (!e) return;
    observer.disconnect();
    window.clearTimeout(timer);
    show(e);
  });
  const timer = window.setTimeout(() => observer.disconnect(), timeoutMs);
  observer.observe(document.body, { childList: true, subtree: true });
}
