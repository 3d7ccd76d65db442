// Picks staff by name or 工号; a CLERK sees everyone but is told when someone lies outside
// their scope (the server refuses the write there).
import { Select } from 'antd';
import { useState } from 'react';
import { usePeople } from '../api/lookups';

export function PersonPicker({ value, onChange, multiple, id, scope }: { value?: string | string[]; onChange?: (v: string | string[]) => void; multiple?: boolean; id?: string; scope?: string[] | null }) {
  const [search, setSearch] = useState('');
  const { options, fetching } = usePeople(search);
  const shown = options.map((o) => ({ ...o, disabled: Boolean(scope && !(o.departmentCode && scope.includes(o.departmentCode))), label: scope && !(o.departmentCode && scope.includes(o.departmentCode)) ? `${o.label}（不在您的范围内）` : o.label }));
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={fetching}
      placeholder="输入姓名或工号搜索"
      options={shown}
      value={value}
      onChange={onChange}
      allowClear
    />
  );
}
