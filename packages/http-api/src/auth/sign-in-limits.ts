/** How far back failed sign-ins count. */
export const signInWindowMinutes = 15;
/** Failed sign-ins of one account within the window before it is refused (429) until they age out. */
export const maxFailuresPerAccount = 5;
/** Failed sign-ins from one address within the window, over every account, before it is refused. */
export const maxFailuresPerAddress = 20;
/** How long a session lives. */
export const sessionHours = 12;
