// Lists the forms and filters pick from: departments, union groups, people, the vocabulary.
import { useQuery } from 'urql';
import { graphql } from '../gql';

const LookupsQuery = graphql(`
  query Lookups {
    departments(first: 100) { edges { node { id code name } } }
    unionGroups(first: 100) { edges { node { id code name } } }
    vocabulary {
      levels { value label }
      grades { value label }
      categories { value label }
      honourKinds { value label }
      modelWorkerTitles { value label }
      civilisedPostTitles { value label }
      donationKinds { value label unit }
      recordStatuses { value label }
      achievementKinds { value label }
      campaignStatuses { value label }
    }
  }
`);

export function useLookups() {
  const [{ data }] = useQuery({ query: LookupsQuery, requestPolicy: 'cache-first' });
  const options = (terms: readonly { value: string; label: string }[] | undefined) => (terms ?? []).map((t) => ({ value: t.value, label: t.label }));
  const v = data?.vocabulary;
  return {
    departments: (data?.departments.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name, code: e.node.code })),
    unionGroups: (data?.unionGroups.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name, code: e.node.code })),
    levels: options(v?.levels),
    grades: options(v?.grades),
    categories: options(v?.categories),
    honourKinds: options(v?.honourKinds),
    modelWorkerTitles: options(v?.modelWorkerTitles),
    civilisedPostTitles: options(v?.civilisedPostTitles),
    donationKinds: options(v?.donationKinds),
    recordStatuses: options(v?.recordStatuses),
    achievementKinds: options(v?.achievementKinds),
    campaignStatuses: options(v?.campaignStatuses),
  };
}

const PeopleSearch = graphql(`
  query PeopleSearch($search: String) {
    people(first: 30, filter: { search: $search }) { edges { node { id name staffNumber department { code name } } } }
  }
`);

export function usePeople(search: string) {
  const [{ data, fetching }] = useQuery({ query: PeopleSearch, variables: { search: search || null } });
  return {
    fetching,
    options: (data?.people.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}（${e.node.staffNumber}${e.node.department ? `，${e.node.department.name}` : ''}）`, departmentCode: e.node.department?.code ?? null })),
  };
}
