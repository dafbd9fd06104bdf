// Shared by the jest test and the Nest app it starts; this file loads no Nest code (jest cannot load it).
export const ADMIN = { email: 'nest-admin@example.com', password: 'correct horse battery staple', name: 'Admin' };
