import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from './session';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      username
      role
      wholeInstitution
      departmentCodes
      unionGroupCodes
      user { displayName }
      institution { id code name selfReference demo }
    }
  }
`);

export const ROLE_NAMES: Record<string, string> = {
  ADMIN: '管理员',
  VERIFIER: '审核员',
  CLERK: '录入员',
  VIEWER: '查阅者',
  FEDERATION_ADMIN: '系统工会管理员',
  FEDERATION_VIEWER: '系统工会查阅者',
};

export function useViewer() {
  const session = useSession();
  const [{ data }] = useQuery({ query: ViewerQuery, pause: !session });
  if (!session) return null;
  return data?.viewer ?? null;
}

export type ViewerInfo = NonNullable<ReturnType<typeof useViewer>>;
export const canEnter = (v: ViewerInfo | null) => v?.role === 'ADMIN' || v?.role === 'CLERK';
export const canVerify = (v: ViewerInfo | null) => v?.role === 'ADMIN' || v?.role === 'VERIFIER';
export const isFederation = (v: ViewerInfo | null) => Boolean(v?.role.startsWith('FEDERATION_'));
