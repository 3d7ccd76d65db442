// One GraphQL client for the console; a refused token signs the user out.
import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { sessionToken, signOut } from './session';

export const client = new Client({
  url: '/graphql',
  requestPolicy: 'cache-and-network',
  // POST for queries too: the server's CSRF protection refuses a plain GET.
  preferGetMethod: false,
  exchanges: [
    cacheExchange,
    mapExchange({
      onError(error) {
        if (error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) signOut();
      },
    }),
    fetchExchange,
  ],
  fetchOptions: () => {
    const token = sessionToken();
    return { headers: { 'accept-language': 'zh-CN', ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  },
});
