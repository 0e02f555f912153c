import { createStore } from 'zustand/vanilla';
import { ERROR_MESSAGES, type KinErrorCode } from '../errors';

/** App-wide notices (storage full, corrupt data…) shown by components/ui/notice-area. */
export interface Notice {
  id: number;
  code: KinErrorCode;
  message: string;
}

interface NoticeState {
  notices: Notice[];
  push(code: KinErrorCode, message?: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const noticeStore = createStore<NoticeState>()((set, get) => ({
  notices: [],
  push(code, message = ERROR_MESSAGES[code]) {
    if (get().notices.some((n) => n.code === code)) return;
    set({ notices: [...get().notices, { id: nextId++, code, message }] });
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));

/** Reports a storage failure as a notice. */
export function reportStorageError(code: KinErrorCode): void {
  noticeStore.getState().push(code);
}
