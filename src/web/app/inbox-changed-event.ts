/** Fired by the inbox after marking read, so the bell's count follows at once. */
export const inboxChangedEvent = 'accord:inbox-changed';
