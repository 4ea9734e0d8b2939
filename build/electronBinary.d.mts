/** Where the Electron binary is (see electronBinary.mjs). */
export function electronBinary(root: string): { path: string; exists: boolean };
