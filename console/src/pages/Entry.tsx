// 录入: forms for every kind of record. Each userError lands on its field; an award is
// checked before saving, so duplicates and similar records show first.
import { Tabs } from 'antd';
import type { ViewerInfo } from '../api/viewer';
import { AwardForm } from './entry/AwardForm';
import { CampaignForm } from './entry/CampaignForm';
import { DesignationForm } from './entry/DesignationForm';
import { DonationForm } from './entry/DonationForm';
import { HonourForm } from './entry/HonourForm';

/** The department codes a CLERK may write for (null: anywhere in the institution). */
export const writableScope = (v: ViewerInfo) => (v.role === 'CLERK' && !v.wholeInstitution ? v.departmentCodes : null);

export function Entry({ viewer }: { viewer: ViewerInfo }) {
  const scope = writableScope(viewer);
  return (
    <Tabs
      items={[
        { key: 'award', label: '获奖', children: <AwardForm scope={scope} /> },
        { key: 'honour', label: '荣誉称号', children: <HonourForm scope={scope} /> },
        { key: 'designation', label: '劳模/工匠', children: <DesignationForm scope={scope} /> },
        { key: 'campaign', label: '文明岗创建', children: <CampaignForm scope={scope} /> },
        { key: 'donation', label: '捐赠', children: <DonationForm scope={scope} /> },
      ]}
    />
  );
}
