import type { ReactNode } from 'react';

import type { CharterApi } from '../api/charter-api';
import type { SignInProblem } from '../host/sign-in';
import type { TabData } from './boot';

export type View = 'charter' | 'edit' | 'history' | 'export';

/**
 * Runs `leave` at once, or, while the editor holds unsaved changes, after the person agrees to discard them. Whatever
 * would take the editor away (another view, another sandbox member or team) goes through it.
 */
export type LeaveGuard = (leave: () => void) => void;

export interface CharterTabProps {
  api: CharterApi;
  teamId: string;
  now: () => Date;
  /** The local sandbox banner; given the guard, so switching member or team asks before unsaved edits are lost. */
  banner?: ReactNode | ((guard: LeaveGuard) => ReactNode);
  onLoaded: () => void;
  /** The view to open first (the configuration page's "Create our charter" opens the editor). */
  initialView?: View;
  /** The first data when main.tsx already has it or has started fetching it (see boot.ts). */
  preloaded?: TabData | Promise<TabData> | undefined;
  /** In Teams: opens the sign-in window when Teams could not sign the person in (see load-failure.tsx). */
  signIn?: ((problem: SignInProblem) => Promise<void>) | undefined;
}
