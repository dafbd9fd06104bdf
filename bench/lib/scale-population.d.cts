export declare function scaleToken(i: number): string;
export declare function userFields(i: number): { email: string; name: string; emailVerified: boolean; image: null };
export declare function sessionFields(i: number, now: number): { ipAddress: string; userAgent: string; expiresAt: Date; createdAt: Date; updatedAt: Date };
export declare function settledHeap(): number;
