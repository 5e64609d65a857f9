import { finishSignIn } from './finish-sign-in';

void finishSignIn();
